package cli

import "context"

func evalQuotes(ctx context.Context, e env, args []string) error { return nil }

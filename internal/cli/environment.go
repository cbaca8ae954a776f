package cli

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// envVar is an environment variable that sets a flag of some commands
// when the command line does not.
type envVar struct {
	name     string
	flag     string   // the flag it sets; "" when the commands read it themselves
	commands []string // the commands it applies to ("serve", "eval extract")
	what     string
	// yieldsTo are flags that, given on the command line, leave this
	// variable unread (--token over $STORYLINE_TOKEN_FILE: the two exclude
	// each other, and the command line wins).
	yieldsTo []string
}

// environment lists every variable storyline reads: the one place they are
// documented (storyline help environment, and the README's copy). A
// variable sets deployment settings, the ones a service manager or a
// container gives every process alike (where the data is, how to reach
// the others, secrets); output and run choices (--json, --limit) stay on
// the command line, where a reader of the command sees them.
func environment() []envVar {
	return []envVar{
		{"STORYLINE_DB", "", []string{"add", "stories", "sources", "sources alias", "show", "serve", "worker", "reextract", "export"},
			"the database, as --db: a SQLite file or a postgres:// URL (default $XDG_DATA_HOME/storyline/storyline.db)", nil},
		{"STORYLINE_QUEUE", "", []string{"add", "serve", "worker"},
			"the NATS JetStream server(s), as --queue", nil},
		{"STORYLINE_TOKEN", "", []string{"serve", "add"},
			"the bearer token for writes: serve's when neither --token nor --token-file is given (keeps it out of ps); the one add uses to write through a server that holds a PostgreSQL database", nil},
		{"STORYLINE_TOKEN_FILE", "token-file", []string{"serve"}, "as --token-file (unread when --token is given)", []string{"token"}},
		{"STORYLINE_ADDR", "addr", []string{"serve", "demo", "worker"}, "the address to listen on, as --addr", nil},
		{"STORYLINE_ADVERTISE", "advertise", []string{"serve"}, "as --advertise", nil},
		{"STORYLINE_BASE_URL", "base-url", []string{"serve"}, "the server's public address, as --base-url", nil},
		{"STORYLINE_FEEDS", "feeds", []string{"serve"}, "the feed list to poll, as --feeds", nil},
		{"STORYLINE_ALLOW_PRIVATE", "allow-private", []string{"serve", "worker"}, "as --allow-private (true or false)", nil},
		{"STORYLINE_FETCH_DELAY", "fetch-delay", []string{"add", "serve", "worker"}, "the pause between two requests to one host, as --fetch-delay (1s, 500ms)", nil},
		{"STORYLINE_WORKERS", "workers", []string{"add", "extract", "annotate", "worker"}, "extraction workers, as --workers", nil},
		{"STORYLINE_TAKE", "take", []string{"worker"}, "as --take", nil},
		{"STORYLINE_ACK_WAIT", "ack-wait", []string{"serve", "worker"}, "as --ack-wait", nil},
		{"STORYLINE_CPUPROFILE", "", nil, "write a CPU profile of the run to this file (for go tool pprof)", nil},
		{"XDG_DATA_HOME", "", nil, "where the default database lives (storyline/storyline.db under it; else ~/.local/share)", nil},
	}
}

// flagsFromEnvironment sets each flag of cmd (the command named name) that
// the command line left unset from its environment variable, if set. A
// value the flag refuses is a usage error naming the variable.
func flagsFromEnvironment(cmd *cobra.Command, name string, getenv func(string) string) error {
	_, err := setFlagsFromEnvironment(cmd, name, getenv)
	return err
}

// setFlagsFromEnvironment is flagsFromEnvironment, also returning the
// variable each flag it set was read from, by flag name.
func setFlagsFromEnvironment(cmd *cobra.Command, name string, getenv func(string) string) (map[string]string, error) {
	setFrom := map[string]string{}
	for _, v := range environment() {
		if v.flag == "" || !slices.Contains(v.commands, name) {
			continue
		}
		f := cmd.Flags().Lookup(v.flag)
		val := getenv(v.name)
		if f == nil || f.Changed || val == "" || slices.ContainsFunc(v.yieldsTo, func(name string) bool { return cmd.Flags().Changed(name) }) {
			continue
		}
		if err := cmd.Flags().Set(v.flag, val); err != nil {
			if want := valueWanted(f); want != "" {
				return nil, &UsageError{fmt.Sprintf("$%s=%q: want %s (it sets --%s)", v.name, val, want, v.flag)}
			}
			return nil, &UsageError{fmt.Sprintf("$%s=%q: %v", v.name, val, err)}
		}
		setFrom[v.flag] = v.name
	}
	return setFrom, nil
}

// nameVariables adds to a usage error's message the variable that set each
// flag it names, when a variable did (the command refused the value, say
// STORYLINE_WORKERS=-3, as it refuses --workers -3): the user who typed no
// such flag learns where the value came from.
func nameVariables(ue *UsageError, setFrom map[string]string) {
	flags := slices.Sorted(maps.Keys(setFrom))
	for _, f := range flags {
		if mentionsFlag(ue.Msg, f) {
			ue.Msg += fmt.Sprintf(" (--%s is $%s's value)", f, setFrom[f])
		}
	}
}

// mentionsFlag reports whether msg names --flag (and not a longer flag
// that begins with the same letters).
func mentionsFlag(msg, flag string) bool {
	for rest := msg; ; {
		i := strings.Index(rest, "--"+flag)
		if i < 0 {
			return false
		}
		rest = rest[i+2+len(flag):]
		if rest == "" || !strings.ContainsRune("abcdefghijklmnopqrstuvwxyz0123456789-", rune(rest[0])) {
			return true
		}
	}
}

// environmentOf names the variables that apply to a command.
func environmentOf(name string, cmd *cobra.Command) []string {
	var out []string
	for _, v := range environment() {
		if slices.Contains(v.commands, name) && (v.flag == "" || cmd.Flags().Lookup(v.flag) != nil) {
			out = append(out, "$"+v.name)
		}
	}
	return out
}

// environmentHelp is `storyline help environment`.
func environmentHelp() string {
	var b strings.Builder
	b.WriteString("storyline reads these environment variables. A flag given on the command line wins over its\n")
	b.WriteString("variable; a variable wins over the flag's default.\n\n")
	for _, v := range environment() {
		fmt.Fprintf(&b, "  %s\n      %s", v.name, v.what)
		if len(v.commands) > 0 {
			fmt.Fprintf(&b, " [%s]", strings.Join(v.commands, ", "))
		}
		b.WriteString("\n")
	}
	b.WriteString("\nexample:\n  STORYLINE_DB=postgres://news@db/storyline STORYLINE_ADDR=:8080 storyline serve\n")
	return b.String()
}

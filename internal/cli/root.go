package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The command tree is cobra's: it parses the flags, prints help, version
// and shell completions. Each command's body stays a function of its
// argument list that defines its flags on a standard flag.FlagSet (the
// commands are easy to read and to test that way); cobra learns a
// command's flags by asking the command for its help with its output
// discarded (describeFlags), and hands the body the flags it parsed as a
// canonical list (--name=value ... then the arguments).

// newRoot builds the command tree for one run.
func newRoot(ctx context.Context, e env) *cobra.Command {
	root := &cobra.Command{
		Use:           "storyline",
		Short:         "turn web captures of news into stories",
		Version:       version(),
		Args:          cobra.ArbitraryArgs,
		SilenceErrors: true,
		SilenceUsage:  true,
		RunE: func(cmd *cobra.Command, args []string) error {
			usage(e.stderr)
			if len(args) == 0 {
				return &UsageError{"no command given"}
			}
			return &UsageError{fmt.Sprintf("unknown command %q", args[0])}
		},
	}
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetHelpFunc(func(cmd *cobra.Command, _ []string) { printHelp(cmd.OutOrStdout(), cmd) })
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		fmt.Fprintf(e.stderr, "usage: %s\n", synopsis(cmd))
		var bad *pflag.InvalidValueError
		if errors.As(err, &bad) {
			if want := valueWanted(bad.GetFlag()); want != "" {
				return &UsageError{fmt.Sprintf("--%s %q: want %s", bad.GetFlag().Name, bad.GetValue(), want)}
			}
		}
		return &UsageError{err.Error()}
	})
	for _, c := range commands() {
		root.AddCommand(leafCommand(ctx, e, c))
	}
	root.AddCommand(&cobra.Command{
		Use:     "version",
		Short:   "print the version: the module's, the source revision and the Go toolchain",
		Example: "  storyline version\n  storyline --version",
		Args:    noArguments(e),
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintln(e.stdout, version())
			return nil
		},
	})
	root.AddCommand(&cobra.Command{
		Use:   "environment",
		Short: "the environment variables storyline reads, and the flags they set",
		Long:  environmentHelp(),
	})
	for _, c := range root.Commands() {
		if c.Name() == "eval" {
			for _, sub := range evalCommands() {
				c.AddCommand(leafCommand(ctx, e, sub))
			}
		}
		if c.Name() == "sources" {
			c.AddCommand(leafCommand(ctx, e, sourcesAliasCommand()))
		}
	}
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [COMMAND]",
		Short: "print a command's help",
		RunE: func(_ *cobra.Command, args []string) error {
			cmd, rest, err := root.Find(args)
			if err != nil || len(rest) > 0 {
				usage(e.stderr)
				return &UsageError{fmt.Sprintf("no help for %q: no such command", strings.Join(args, " "))}
			}
			return cmd.Help()
		},
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			cmd, _, err := root.Find(args)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var names []cobra.Completion
			for _, c := range cmd.Commands() {
				if c.IsAvailableCommand() || c.Name() == "environment" {
					names = append(names, cobra.CompletionWithDesc(c.Name(), c.Short))
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
	})
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Use = "completion bash|zsh|fish|powershell"
			c.Example = "  mkdir -p ~/.local/share/bash-completion/completions\n" +
				"  storyline completion bash > ~/.local/share/bash-completion/completions/storyline\n" +
				"  storyline completion zsh > \"${fpath[1]}/_storyline\"\n" +
				"  storyline completion fish > ~/.config/fish/completions/storyline.fish"
			c.Args = cobra.ArbitraryArgs // completionWithoutShell names a shell it has no script for
			c.RunE = completionWithoutShell(e)
		}
	}
	return root
}

// valueWanted says what a flag takes, by its type, for the message of a
// value it refused: the standard flag package, which defines the commands'
// flags, says only "parse error". "" for a type it does not know.
func valueWanted(f *pflag.Flag) string {
	switch f.Value.Type() {
	case "duration":
		return "a duration such as 1s, 500ms or 2m"
	case "int", "int64", "uint", "uint64":
		return "a whole number"
	case "float64":
		return "a number such as 0.5"
	case "bool":
		return "true or false"
	}
	return ""
}

// noArguments refuses arguments to a command that takes none, as a usage
// error (exit status 2), as every other command does.
func noArguments(e env) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return nil
		}
		fmt.Fprintf(e.stderr, "usage: %s\n", synopsis(cmd))
		return &UsageError{fmt.Sprintf("%s takes no arguments, got %q", cmd.Name(), args)}
	}
}

// completionWithoutShell runs `storyline completion` given no shell, or one
// it has no script for (tcsh): a usage error on stderr, rather than the
// command's help on stdout with status 0, which `storyline completion tcsh
// > file` would write into the file unseen.
func completionWithoutShell(e env) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		var shells []string
		for _, s := range cmd.Commands() {
			if s.IsAvailableCommand() {
				shells = append(shells, s.Name())
			}
		}
		fmt.Fprintf(e.stderr, "usage: %s\n", synopsis(cmd))
		if len(args) == 0 {
			return &UsageError{"completion needs a shell: " + strings.Join(shells, ", ")}
		}
		return &UsageError{fmt.Sprintf("no completion script for %q: use %s", args[0], strings.Join(shells, ", "))}
	}
}

// leafCommand makes a cobra command of one of storyline's commands: its
// flags are the ones the command defines, also read from the environment
// (environmentFlags) when the command line does not set them.
func leafCommand(ctx context.Context, e env, c command) *cobra.Command {
	name := c.name[strings.LastIndex(c.name, " ")+1:]
	cc := &cobra.Command{
		Use:     name + " " + c.args,
		Short:   c.help,
		Long:    c.long,
		Example: c.example,
		Args:    cobra.ArbitraryArgs,
	}
	fs := describeFlags(ctx, c)
	cc.Flags().AddGoFlagSet(fs)
	cc.Flags().VisitAll(omitZeroDurationDefault)
	for flagName, values := range flagValues(c.name) {
		if cc.Flags().Lookup(flagName) != nil {
			cc.RegisterFlagCompletionFunc(flagName, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
		}
	}
	asJSON := false
	if strings.HasPrefix(c.name, "eval ") && fs.Lookup("json") == nil {
		cc.Flags().BoolVar(&asJSON, "json", false, "print the results as one JSON object: the reports' figures and the lines printed")
	}
	if c.name == "eval" {
		// eval dispatches on its first argument (eval.go); modes without a
		// subcommand here still reach it with their flags untouched.
		cc.DisableFlagParsing = true
	}
	cc.RunE = func(cmd *cobra.Command, args []string) error {
		if cmd.DisableFlagParsing && len(args) > 0 && asksHelp(args[:1]) {
			return cmd.Help()
		}
		var argv []string
		var setFrom map[string]string // flag: the variable that set it
		if !cmd.DisableFlagParsing {
			var err error
			if setFrom, err = setFlagsFromEnvironment(cmd, c.name, e.getenv); err != nil {
				fmt.Fprintf(e.stderr, "usage: %s\n", synopsis(cmd))
				return err
			}
			cmd.Flags().Visit(func(f *pflag.Flag) {
				if f.Name != "help" && !(f.Name == "json" && fs.Lookup("json") == nil) {
					argv = append(argv, "--"+f.Name+"="+f.Value.String())
				}
			})
		}
		argv = append(argv, args...)
		var err error
		if asJSON {
			err = runEvalJSON(ctx, e, c.name, c.run, argv)
		} else {
			err = c.run(ctx, e, argv)
		}
		var ue *UsageError
		if errors.As(err, &ue) {
			nameVariables(ue, setFrom)
			fmt.Fprintf(e.stderr, "usage: %s\n", synopsis(cmd))
		}
		return err
	}
	return cc
}

// omitZeroDurationDefault keeps the help from printing "(default 0s)"
// after a duration flag whose default is 0: its usage says what 0 stands
// for ("default 168h", "default: none"). pflag takes a Go flag's "0s" for
// a default worth printing; "0" it reads as none.
func omitZeroDurationDefault(f *pflag.Flag) {
	if f.DefValue == "0s" {
		f.DefValue = "0"
	}
}

// describeFlags returns the flags a command defines: the command is asked
// for its help with its output discarded, and the flag set it made is kept.
func describeFlags(ctx context.Context, c command) *flag.FlagSet {
	var sets []*flag.FlagSet
	d := env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard,
		getenv: func(string) string { return "" }, describe: &sets}
	_ = c.run(ctx, d, []string{"-h"}) // ErrHelp, or a usage error from a command with no flags
	if len(sets) == 0 {
		return flag.NewFlagSet(c.name, flag.ContinueOnError)
	}
	return sets[0]
}

// synopsis is a command's one-line usage: storyline NAME ARGS.
func synopsis(cmd *cobra.Command) string {
	if !cmd.HasParent() {
		return "storyline COMMAND [flags] [args]"
	}
	return cmd.Parent().CommandPath() + " " + cmd.Use
}

// printHelp prints a command's help: its synopsis, what it does, its
// flags, its examples and the environment variables that set its flags.
func printHelp(w io.Writer, cmd *cobra.Command) {
	if !cmd.HasParent() {
		usage(w)
		return
	}
	if !cmd.Runnable() && !cmd.HasSubCommands() { // a help topic
		fmt.Fprintln(w, strings.TrimSpace(cmd.Long))
		return
	}
	fmt.Fprintf(w, "usage: %s\n\n%s\n", synopsis(cmd), cmd.Short)
	if cmd.Long != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(cmd.Long))
	}
	if cmd.HasAvailableSubCommands() {
		fmt.Fprintln(w, "\ncommands:")
		for _, s := range cmd.Commands() {
			if s.IsAvailableCommand() {
				fmt.Fprintf(w, "  %-10s %s\n", s.Name(), s.Short)
			}
		}
	}
	if cmd.HasAvailableLocalFlags() && !cmd.DisableFlagParsing {
		fmt.Fprintf(w, "\nflags:\n%s", cmd.LocalFlags().FlagUsages())
	}
	if cmd.Example != "" {
		fmt.Fprintf(w, "\nexamples:\n%s\n", cmd.Example)
	}
	if vars := environmentOf(strings.TrimPrefix(cmd.CommandPath(), "storyline "), cmd); len(vars) > 0 {
		fmt.Fprintf(w, "\nenvironment (storyline help environment): %s\n", strings.Join(vars, ", "))
	}
}

// normalizeFlags rewrites the single-dash long flags the standard flag
// package accepted (-db, -json, -help) to the double-dash form cobra
// parses, so that scripts written for either keep working.
func normalizeFlags(root *cobra.Command, args []string) []string {
	cmd, _, err := root.Find(args)
	if err != nil || cmd.DisableFlagParsing {
		cmd = root
	}
	out := make([]string, 0, len(args))
	for i, a := range args {
		if a == "--" {
			return append(out, args[i:]...)
		}
		if len(a) > 2 && a[0] == '-' && a[1] != '-' {
			name, _, _ := strings.Cut(a[1:], "=")
			if name == "help" || name == "version" && cmd == root || cmd.Flags().Lookup(name) != nil {
				a = "-" + a
			}
		}
		out = append(out, a)
	}
	return out
}

// flagValues are the values the shells complete for flags that take one
// of a few words.
func flagValues(command string) map[string][]string {
	switch command {
	case "add":
		return map[string][]string{"format": inputFormats}
	case "extract":
		return map[string][]string{"format": {"jsonl", "benchmark"}, "input-format": inputFormats}
	case "export":
		return map[string][]string{"format": {"jsonl", "csv"}, "what": exportWhat}
	case "pairs", "eval pairs":
		return map[string][]string{"mode": {"paraphrase", "fact"}}
	}
	return nil
}

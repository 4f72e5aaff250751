// Package cli is newsgraph's command line: one cobra command per task, each
// a thin layer that parses flags, opens the store and calls the pipeline,
// the API or the store.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/source"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/postgres"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
)

// Version is set at build time with -ldflags "-X .../internal/cli.Version=v1.2.3".
var Version = "dev"

// DefaultDB is the database used when neither --db nor NEWSGRAPH_DB is set.
const DefaultDB = "newsgraph.db"

// env carries what every command needs: its streams and the database flag.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	db             string
}

// errQuiet marks an error already reported to the user; Main only sets the
// exit status.
var errQuiet = errors.New("")

// Main runs the command line with args and returns the exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	root := e.rootCommand()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	if err := root.ExecuteContext(ctx); err != nil {
		if !errors.Is(err, errQuiet) {
			fmt.Fprintln(stderr, "newsgraph:", err)
		}
		return 1
	}
	return 0
}

func (e *env) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "newsgraph",
		Short: "Turn news articles into an evidence-linked database of who did what to whom",
		Long: `newsgraph reads news articles (text, HTML, JSON lines, feeds, web archives),
extracts their clean text, names, dates, quotes and events, and stores them
with the evidence for each, in SQLite by default.`,
		Version:       Version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&e.db, "db", "", "database: a SQLite file path or a postgres:// URL (default "+DefaultDB+", or $NEWSGRAPH_DB)")
	root.AddCommand(e.ingestCommand(), e.annotateCommand(), e.serveCommand(), e.failuresCommand(), e.benchCommand(),
		e.eventsCommand(), e.quotesCommand(), e.feedsCommand(), e.evalCommand(), e.workerCommand(), e.exportCommand())
	root.AddCommand(e.storiesCommand(), e.timelineCommand())
	return root
}

// dsn returns the database the user chose.
func (e *env) dsn() string {
	if e.db != "" {
		return e.db
	}
	if v := os.Getenv("NEWSGRAPH_DB"); v != "" {
		return v
	}
	return DefaultDB
}

// openStore opens the chosen database.
func (e *env) openStore(ctx context.Context) (store.Store, error) {
	dsn := e.dsn()
	if postgres.IsDSN(dsn) {
		return postgres.Open(ctx, dsn)
	}
	return sqlite.Open(ctx, strings.TrimPrefix(dsn, "sqlite://"))
}

// redact hides a password in a database URL before it is printed.
func redact(dsn string) string {
	at := strings.LastIndex(dsn, "@")
	scheme := strings.Index(dsn, "://")
	if at < 0 || scheme < 0 {
		return dsn
	}
	userinfo := dsn[scheme+3 : at]
	if i := strings.IndexByte(userinfo, ':'); i >= 0 {
		return dsn[:scheme+3] + userinfo[:i] + ":***" + dsn[at:]
	}
	return dsn
}

// newPipeline builds the pipeline with every annotator newsgraph has.
func newPipeline() (*pipeline.Pipeline, error) {
	return pipeline.Default(nil), nil
}

// newReader returns the input reader with every container format plugged in.
func newReader(stdin io.Reader) *source.Reader {
	return &source.Reader{Stdin: stdin}
}

package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/web"
)

func (e *env) serveCommand() *cobra.Command {
	var addr string
	var ingest []string
	cmd := &cobra.Command{
		Use:   "serve [--addr :8080] [--ingest PATH]...",
		Short: "Serve the JSON API and the web UI",
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if len(ingest) > 0 {
				if _, err := e.ingest(ctx, ingest, 0); err != nil && !errors.Is(err, errQuiet) {
					return err
				}
			}
			return e.serve(ctx, addr)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "localhost:8080", "address to listen on")
	cmd.Flags().StringSliceVar(&ingest, "ingest", nil, "ingest these paths before serving")
	return cmd
}

func (e *env) serve(ctx context.Context, addr string) error {
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := newPipeline()
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	srv := api.New(st, p, log)
	ui, err := web.New(st, log)
	if err != nil {
		return err
	}
	ui.Register(srv.Mux())

	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	httpSrv := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute, WriteTimeout: 2 * time.Minute}
	fmt.Fprintf(e.stderr, "newsgraph: serving %s on http://%s/ (API under /api/)\n", e.dsn(), ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- httpSrv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return httpSrv.Shutdown(shutdown)
	}
}

var _ api.Processor = (*pipeline.Pipeline)(nil)

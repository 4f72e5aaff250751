package cli

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/feeds"
	"github.com/newsgraph/newsgraph/internal/fetch"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/store"
)

// StageFetch is the failure stage of a feed item that could not be fetched.
const StageFetch = "fetch"

func (e *env) feedsCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "feeds",
		Short: "Subscribe to RSS/Atom feeds and poll them for new articles",
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "add URL...",
		Short: "Subscribe to feeds",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := e.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			for _, raw := range args {
				u, err := url.Parse(raw)
				if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
					return fmt.Errorf("%q is not an http(s) URL", raw)
				}
				created, err := st.AddFeed(cmd.Context(), u.String())
				if err != nil {
					return err
				}
				if created {
					fmt.Fprintf(e.stdout, "added %s\n", u)
				} else {
					fmt.Fprintf(e.stdout, "already subscribed to %s\n", u)
				}
			}
			return nil
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:   "list",
		Short: "List the subscribed feeds",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := e.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			fs, err := st.Feeds(cmd.Context())
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "URL\tTITLE\tARTICLES\tLAST POLLED\tLAST ERROR")
			for _, f := range fs {
				polled := "never"
				if !f.LastPolled.IsZero() {
					polled = f.LastPolled.Local().Format("2006-01-02 15:04")
				}
				fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", f.URL, f.Title, f.Items, polled, f.LastError)
			}
			return tw.Flush()
		},
	})
	var every time.Duration
	var hostDelay time.Duration
	poll := &cobra.Command{
		Use:   "poll [--every 15m]",
		Short: "Fetch every feed and ingest its new items (once, or every interval)",
		Long: `Fetch every subscribed feed with a conditional GET, and ingest each new
item; an item whose feed carries only a summary has its page fetched. The
client honours robots.txt, waits between requests to one host, caps response
sizes and identifies itself with a User-Agent. With --every it polls until
interrupted.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			client := fetch.New(fetch.Options{UserAgent: fetch.UserAgent(Version), HostDelay: hostDelay})
			for {
				if err := e.pollOnce(cmd.Context(), client); err != nil {
					return err
				}
				if every <= 0 {
					return nil
				}
				select {
				case <-cmd.Context().Done():
					return nil
				case <-time.After(every):
				}
			}
		},
	}
	poll.Flags().DurationVar(&every, "every", 0, "poll again at this interval until interrupted (e.g. 15m)")
	poll.Flags().DurationVar(&hostDelay, "host-delay", fetch.DefaultHostDelay, "least time between two requests to one host")
	cmd.AddCommand(poll)
	return cmd
}

// storeState lets the poller ask the store which items it has.
type storeState struct {
	ctx context.Context
	st  store.Store
}

func (s storeState) Seen(feedURL, key string) bool {
	seen, err := s.st.FeedItemSeen(s.ctx, feedURL, key)
	return err == nil && seen
}

// pollOnce polls every feed once and ingests the new items.
func (e *env) pollOnce(ctx context.Context, client *fetch.Client) error {
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	subs, err := st.Feeds(ctx)
	if err != nil {
		return err
	}
	if len(subs) == 0 {
		return errors.New("no feeds; add one with: newsgraph feeds add URL")
	}
	list := make([]feeds.Subscription, len(subs))
	for i, f := range subs {
		list[i] = feeds.Subscription{URL: f.URL, ETag: f.ETag, LastModified: f.LastModified}
	}
	poller := &feeds.Poller{Fetcher: client, State: storeState{ctx: ctx, st: st}}
	results := poller.Poll(ctx, list)

	p, err := newPipeline()
	if err != nil {
		return err
	}
	// Each item is ingested under its link; remember which feed and key it
	// came from, to mark it seen once stored.
	type origin struct{ feed, key string }
	origins := map[string]origin{}
	var items []news.Raw
	for _, r := range results {
		f := store.Feed{URL: r.Subscription.URL, ETag: r.Subscription.ETag, LastModified: r.Subscription.LastModified, LastPolled: time.Now()}
		switch {
		case r.Err != nil:
			f.LastError = r.Err.Error()
			fmt.Fprintf(e.stderr, "%s: %v\n", f.URL, r.Err)
		case r.NotModified:
			fmt.Fprintf(e.stderr, "%s: not modified\n", f.URL)
		default:
			fmt.Fprintf(e.stderr, "%s: %d new items\n", f.URL, len(r.Items))
		}
		for _, it := range r.Items {
			if f.Title == "" {
				f.Title = it.Raw.Source
			}
			origins[it.Raw.Input] = origin{feed: f.URL, key: it.Key}
			items = append(items, it.Raw)
		}
		for _, ie := range r.Errors {
			var itemErr *feeds.ItemError
			if errors.As(ie, &itemErr) {
				st.RecordFailure(ctx, store.Failure{Input: itemErr.URL, Stage: StageFetch, Reason: itemErr.Err.Error()})
				// A page robots.txt forbids stays forbidden: do not ask again.
				if errors.Is(itemErr.Err, fetch.ErrDisallowed) {
					st.MarkFeedItem(ctx, itemErr.FeedURL, itemErr.Key, 0)
				}
			}
		}
		if err := st.UpdateFeed(ctx, f); err != nil {
			return err
		}
	}
	in := &pipeline.Ingester{Pipeline: p, Store: st, Saved: func(input string, id int64) {
		if o, ok := origins[input]; ok {
			st.MarkFeedItem(ctx, o.feed, o.key, id)
		}
	}}
	c, err := in.RunDocuments(ctx, func(ctx context.Context, yield func(news.Raw, error) bool) error {
		for _, raw := range items {
			if !yield(raw, nil) {
				return ctx.Err()
			}
		}
		return nil
	})
	fmt.Fprintln(e.stderr, c)
	return err
}

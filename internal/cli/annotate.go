package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/source"
)

func (e *env) annotateCommand() *cobra.Command {
	var published, url, title, format string
	cmd := &cobra.Command{
		Use:   "annotate [--published DATE] [--url URL] [--title T] FILE|-",
		Short: "Run the whole pipeline on one document and print it as JSON, without storing it",
		Long: `Run the whole pipeline on one document and print one JSON object:
{"article": {...}, "entities": [...], "dates": [...], "quotes": [...], "events": [...]}.
Offsets are byte offsets into article.body. The format is taken from the
file's extension; for standard input it is sniffed (HTML, a JSON object, or
plain text) unless --format says.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			raw, err := e.readOne(args[0], format)
			if err != nil {
				return err
			}
			if published != "" {
				t, err := source.ParseTime(published)
				if err != nil {
					return fmt.Errorf("--published: %w", err)
				}
				raw.Published = t
			}
			if url != "" {
				raw.URL = url
			}
			if title != "" {
				raw.Title = title
			}
			p, err := newPipeline()
			if err != nil {
				return err
			}
			doc, err := p.Process(raw)
			if err != nil {
				return fmt.Errorf("%s: %w", raw.Input, err)
			}
			enc := json.NewEncoder(e.stdout)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(doc)
		},
	}
	cmd.Flags().StringVar(&published, "published", "", "publication date (RFC 3339 or 2018-06-12); relative dates resolve against it")
	cmd.Flags().StringVar(&url, "url", "", "the article's URL")
	cmd.Flags().StringVar(&title, "title", "", "the article's title")
	cmd.Flags().StringVar(&format, "format", "", "input format: text, html or json (default: from the extension, or sniffed)")
	return cmd
}

// readOne reads a single document from a file or standard input.
func (e *env) readOne(path, format string) (news.Raw, error) {
	var data []byte
	var err error
	input := path
	if path == "-" {
		input = "stdin"
		data, err = io.ReadAll(io.LimitReader(e.stdin, source.DefaultLimits.MaxDocument+1))
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return news.Raw{}, fmt.Errorf("%s: %w", input, err)
	}
	if int64(len(data)) > source.DefaultLimits.MaxDocument {
		return news.Raw{}, fmt.Errorf("%s: %w", input, source.ErrTooLarge)
	}
	if format == "" {
		format = source.Format(path)
		if format == "jsonl" {
			format = "json"
		}
		if format == "" || path == "-" {
			format = sniff(data)
		}
	}
	if format == "feed" || format == "warc" {
		return news.Raw{}, fmt.Errorf("%s: annotate takes one article; ingest %s files instead", filepath.Base(input), format)
	}
	raw, err := source.Decode(data, format, input)
	if err != nil {
		return news.Raw{}, fmt.Errorf("%s: %w", input, err)
	}
	return raw, nil
}

// sniff guesses the format of a document from its first bytes.
func sniff(data []byte) string {
	head := bytes.TrimSpace(data)
	if len(head) > 512 {
		head = head[:512]
	}
	lower := bytes.ToLower(head)
	switch {
	case bytes.HasPrefix(head, []byte("{")):
		return "json"
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")),
		bytes.Contains(lower, []byte("<body")), bytes.Contains(lower, []byte("<p>")):
		return "html"
	}
	return "text"
}

// Command newsgraph turns news articles into an evidence-linked database of
// articles, entities, dates, quotes and events, and serves it.
package main

import (
	"os"

	"github.com/newsgraph/newsgraph/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

package actors

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
)

// pos names a row of a data file so that every error, including one found
// only after all files are merged, can point at the line to fix.
type pos struct {
	file string
	line int
}

func (p pos) String() string { return fmt.Sprintf("%s:%d", p.file, p.line) }

func (p pos) errorf(format string, args ...any) error {
	return fmt.Errorf("%s: %s", p, fmt.Sprintf(format, args...))
}

// row is one data line split into its tab-separated fields.
type row struct {
	pos     pos
	fields  []string
	comment string // text after a field that starts with '#', without the '#'
}

// field returns the i-th field, or "" past the end of a row whose trailing
// empty fields an editor trimmed.
func (r row) field(i int) string {
	if i < len(r.fields) {
		return r.fields[i]
	}
	return ""
}

// readRows reads a TSV table with n columns. Blank lines and lines whose first
// non-blank character is '#' are skipped; a field that starts with '#' turns
// the rest of the line into a comment, so a row can end in "\t# approx".
// Fields are trimmed of surrounding spaces. A row with more than n fields is
// an error, because a stray tab would silently shift every later column; a
// row with fewer is padded, because trailing empty columns (an open end
// date) are easy to lose in an editor.
func readRows(file string, r io.Reader, columns []string) ([]row, error) {
	var rows []row
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
		}
		trimmed := strings.TrimSpace(text)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		p := pos{file, line}
		raw := strings.Split(text, "\t")
		rw := row{pos: p}
		for i, f := range raw {
			f = strings.TrimSpace(f)
			if strings.HasPrefix(f, "#") {
				rw.comment = strings.TrimSpace(strings.TrimPrefix(strings.Join(raw[i:], "\t"), "#"))
				break
			}
			rw.fields = append(rw.fields, f)
		}
		// Empty fields between the data and a trailing comment are padding.
		for len(rw.fields) > len(columns) && rw.fields[len(rw.fields)-1] == "" {
			rw.fields = rw.fields[:len(rw.fields)-1]
		}
		if len(rw.fields) > len(columns) {
			return nil, p.errorf("%d tab-separated fields, want at most %d (%s)",
				len(rw.fields), len(columns), strings.Join(columns, ", "))
		}
		if len(rw.fields) == 1 && len(columns) > 1 && strings.Contains(rw.fields[0], "  ") {
			return nil, p.errorf("one field where %d are expected: columns must be separated by tabs, not spaces (%s)",
				len(columns), strings.Join(columns, ", "))
		}
		rows = append(rows, rw)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", file, line+1, err)
	}
	return rows, nil
}

// splitList splits a '|'-separated list of names, dropping empty items and
// exact repeats.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, item := range strings.Split(s, "|") {
		item = strings.TrimSpace(item)
		if item == "" || seen[item] {
			continue
		}
		seen[item] = true
		out = append(out, item)
	}
	return out
}

// parseDate parses a YYYY-MM-DD date as midnight UTC. Offices change hands on
// calendar days, so a time of day would only invent precision.
func parseDate(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q is not YYYY-MM-DD", s)
	}
	return t, nil
}

// Package evaldata finds the third-party gold data kept beside the project
// at ../shared/eval (never inside it), for the evaluation tests.
package evaldata

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Dir returns ../shared/eval/sub relative to the module root, found by
// walking up from the working directory to go.mod.
func Dir(sub string) (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, "..", "shared", "eval", sub)
			if _, err := os.Stat(p); err != nil {
				return "", fmt.Errorf("no evaluation data at %s", p)
			}
			return p, nil
		}
		if filepath.Dir(dir) == dir {
			return "", fmt.Errorf("no go.mod above %s", wd)
		}
	}
}

// Require returns the evaluation data folder sub, or skips the test when it
// is absent. In CI (CI=true) the data is always there, so its absence fails
// the test instead of letting a floor pass unchecked.
func Require(t testing.TB, sub string) string {
	t.Helper()
	dir, err := Dir(sub)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI has no ../shared/eval/%s: %v", sub, err)
		}
		t.Skipf("skipping: ../shared/eval/%s is absent (third-party gold data lives beside the project)", sub)
	}
	return dir
}

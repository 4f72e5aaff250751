// Package pgtest starts a real, throwaway PostgreSQL cluster for tests, so
// that the PostgreSQL backend is tested against the server it will meet in
// production rather than a fake. The cluster lives in a temporary folder,
// listens on a free loopback port and on a unix socket in that folder, never
// touches the system's own cluster or service, and is removed when the tests
// end.
//
// Use it from TestMain:
//
//	func TestMain(m *testing.M) { pgtest.Main(m) }
//
//	func TestSomething(t *testing.T) {
//		dsn := pgtest.NewDatabase(t) // an empty database, dropped after t
//		...
//	}
//
// When PostgreSQL is not installed, NewDatabase skips the test with a
// one-line reason, except under CI (CI=true), where a missing server must
// not pass silently, so the test fails and says how to install it.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestUser is the unprivileged account the cluster runs as when the tests
// run as root: PostgreSQL refuses to run as root.
const TestUser = "newsgraph-test"

// Cluster is a running throwaway PostgreSQL server.
type Cluster struct {
	// DSN connects to the cluster's maintenance database as its superuser.
	DSN  string
	Port int
	dir  string
	cmd  *exec.Cmd
	done chan struct{}
	// logPath is the server's log, whose tail is shown when it fails.
	logPath string
	nextDB  atomic.Int64
}

// FindBinaries returns the folder holding initdb and postgres: $PGTEST_BIN
// if set, else the newest of Debian's /usr/lib/postgresql/*/bin, else the
// folder of initdb on $PATH.
func FindBinaries() (string, error) {
	if dir := os.Getenv("PGTEST_BIN"); dir != "" {
		if _, err := os.Stat(filepath.Join(dir, "initdb")); err != nil {
			return "", fmt.Errorf("PGTEST_BIN=%s: no initdb there", dir)
		}
		return dir, nil
	}
	matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	sort.Slice(matches, func(i, j int) bool { return versionOf(matches[i]) > versionOf(matches[j]) })
	for _, m := range matches {
		dir := filepath.Dir(m)
		if _, err := os.Stat(filepath.Join(dir, "postgres")); err == nil {
			return dir, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			p = real
		}
		return filepath.Dir(p), nil
	}
	return "", errors.New("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); install it with: apt-get install -y postgresql")
}

// versionOf reads the major version out of /usr/lib/postgresql/N/bin/initdb.
func versionOf(path string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(path))))
	return n
}

// Start initialises a new cluster in a temporary folder and starts it. Stop
// it with Stop, which also removes the folder.
func Start() (*Cluster, error) {
	bin, err := FindBinaries()
	if err != nil {
		return nil, err
	}
	cred, err := credential()
	if err != nil {
		return nil, err
	}
	removeStale(tempParent(cred))
	dir, err := os.MkdirTemp(tempParent(cred), "newsgraph-pgtest-")
	if err != nil {
		return nil, err
	}
	c := &Cluster{dir: dir, logPath: filepath.Join(dir, "server.log")}
	if cred != nil {
		if err := os.Chown(dir, int(cred.Uid), int(cred.Gid)); err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("chown %s to %s: %w", dir, TestUser, err)
		}
	}
	data := filepath.Join(dir, "data")
	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust",
		"-E", "UTF8", "--no-locale", "--no-sync")
	// The server's user may not be able to enter the test's working
	// folder (a clone under /root); its own folder it can.
	initdb.Dir = dir
	initdb.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	if out, err := initdb.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb in %s: %w\n%s", data, err, tail(out, 2000))
	}
	// A port picked free can be taken before the server binds it; try a
	// few.
	for attempt := 0; ; attempt++ {
		err = c.startServer(bin, data, cred)
		if err == nil {
			return c, nil
		}
		if attempt == 2 {
			os.RemoveAll(dir)
			return nil, err
		}
	}
}

func (c *Cluster) startServer(bin, data string, cred *syscall.Credential) error {
	port, err := freePort()
	if err != nil {
		return err
	}
	logf, err := os.Create(c.logPath)
	if err != nil {
		return err
	}
	if cred != nil {
		logf.Chown(int(cred.Uid), int(cred.Gid))
	}
	// Durability settings are off: the cluster is thrown away, and tests
	// should measure newsgraph, not fsync.
	cmd := exec.Command(filepath.Join(bin, "postgres"), "-D", data, "-p", strconv.Itoa(port),
		"-k", c.dir, "-c", "listen_addresses=127.0.0.1",
		"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
		"-c", "max_connections=200", "-c", "shared_buffers=64MB")
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.Dir = c.dir
	// Pdeathsig stops the server if the test binary dies without cleaning
	// up (a timeout, a kill), so that no stray postgres outlives the tests.
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Pdeathsig: syscall.SIGQUIT, Setpgid: true}
	if err := cmd.Start(); err != nil {
		logf.Close()
		return fmt.Errorf("start postgres: %w", err)
	}
	logf.Close()
	c.cmd, c.Port = cmd, port
	c.done = make(chan struct{})
	go func() { cmd.Wait(); close(c.done) }()
	c.DSN = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	for {
		conn, err := pgx.Connect(ctx, c.DSN)
		if err == nil {
			conn.Close(ctx)
			return nil
		}
		select {
		case <-c.done:
			log, _ := os.ReadFile(c.logPath)
			return fmt.Errorf("postgres exited at start: %s", tail(log, 2000))
		case <-ctx.Done():
			c.kill()
			log, _ := os.ReadFile(c.logPath)
			return fmt.Errorf("postgres did not accept connections within 60s: %v\n%s", err, tail(log, 2000))
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func (c *Cluster) kill() {
	if c.cmd != nil && c.cmd.Process != nil {
		c.cmd.Process.Signal(syscall.SIGKILL)
		<-c.done
	}
}

// Stop shuts the server down (fast shutdown: sessions are ended) and removes
// its folder.
func (c *Cluster) Stop() {
	if c.cmd != nil && c.cmd.Process != nil {
		c.cmd.Process.Signal(syscall.SIGINT)
		select {
		case <-c.done:
		case <-time.After(15 * time.Second):
			c.kill()
		}
	}
	os.RemoveAll(c.dir)
}

// CreateDatabase creates a new empty database and returns its DSN.
func (c *Cluster) CreateDatabase(ctx context.Context) (name, dsn string, err error) {
	name = fmt.Sprintf("test_%d_%d", os.Getpid(), c.nextDB.Add(1))
	conn, err := pgx.Connect(ctx, c.DSN)
	if err != nil {
		return "", "", err
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		return "", "", fmt.Errorf("create database %s: %w", name, err)
	}
	return name, strings.Replace(c.DSN, "/postgres?", "/"+name+"?", 1), nil
}

// DropDatabase drops a database made by CreateDatabase, ending its sessions.
func (c *Cluster) DropDatabase(ctx context.Context, name string) error {
	conn, err := pgx.Connect(ctx, c.DSN)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	return err
}

// credential returns who initdb and postgres must run as: nil (the current
// user) unless we are root, in which case TestUser, created if missing, or
// nobody when it cannot be created.
func credential() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup(TestUser)
	if err != nil {
		if out, aerr := exec.Command("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", TestUser).CombinedOutput(); aerr != nil {
			// A concurrent test binary may have created it meanwhile.
			if u, err = user.Lookup(TestUser); err != nil {
				if u, err = user.Lookup("nobody"); err != nil {
					return nil, fmt.Errorf("running as root and cannot create user %s (%v: %s) nor find nobody", TestUser, aerr, out)
				}
			}
		} else if u, err = user.Lookup(TestUser); err != nil {
			return nil, err
		}
	}
	uid, _ := strconv.ParseUint(u.Uid, 10, 32)
	gid, _ := strconv.ParseUint(u.Gid, 10, 32)
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid), Groups: []uint32{}}, nil
}

// tempParent is where the cluster's folder goes: the usual temporary
// folder, unless the server's user could not reach it (root's own $TMPDIR),
// then /tmp.
func tempParent(cred *syscall.Credential) string {
	dir := os.TempDir()
	if cred == nil {
		return dir
	}
	for d := dir; ; d = filepath.Dir(d) {
		info, err := os.Stat(d)
		if err != nil || info.Mode().Perm()&0o001 == 0 {
			return "/tmp"
		}
		if d == filepath.Dir(d) {
			return dir
		}
	}
}

// removeStale deletes the folders of clusters whose test binary died
// without cleaning up (a test timeout panics past every defer): their server
// is gone (Pdeathsig) and they are older than any test still starting.
func removeStale(parent string) {
	dirs, _ := filepath.Glob(filepath.Join(parent, "newsgraph-pgtest-*"))
	for _, d := range dirs {
		info, err := os.Stat(d)
		if err != nil || time.Since(info.ModTime()) < 10*time.Minute {
			continue
		}
		if pid, err := os.ReadFile(filepath.Join(d, "data", "postmaster.pid")); err == nil {
			first, _, _ := strings.Cut(string(pid), "\n")
			if n, err := strconv.Atoi(strings.TrimSpace(first)); err == nil && syscall.Kill(n, 0) == nil {
				continue // still running
			}
		}
		os.RemoveAll(d)
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func tail(b []byte, n int) string {
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return strings.TrimSpace(string(b))
}

// The package's cluster, shared by the tests of one test binary.
var (
	mu         sync.Mutex
	shared     *Cluster
	sharedErr  error
	startedFor bool
)

// Main runs a package's tests with a cluster started for them (lazily, on
// the first NewDatabase) and stopped when they end. Call it from TestMain.
func Main(m *testing.M) {
	mu.Lock()
	startedFor = true
	mu.Unlock()
	code := m.Run()
	mu.Lock()
	if shared != nil {
		shared.Stop()
		shared = nil
	}
	mu.Unlock()
	os.Exit(code)
}

// Shared returns the test binary's cluster, starting it on first use. It
// needs Main in TestMain, so that the cluster is stopped at the end.
func Shared() (*Cluster, error) {
	mu.Lock()
	defer mu.Unlock()
	if !startedFor {
		return nil, errors.New("pgtest: call pgtest.Main(m) from TestMain before using the shared cluster")
	}
	if shared == nil && sharedErr == nil {
		shared, sharedErr = Start()
	}
	return shared, sharedErr
}

// NewDatabase returns the DSN of a new empty database on the shared
// cluster, dropped when t ends. When no cluster can be had, it skips t, or
// fails it under CI.
func NewDatabase(t testing.TB) string {
	t.Helper()
	c, err := Shared()
	if err != nil {
		Unavailable(t, err)
	}
	ctx := context.Background()
	name, dsn, err := c.CreateDatabase(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := c.DropDatabase(ctx, name); err != nil {
			t.Logf("drop database %s: %v", name, err)
		}
	})
	return dsn
}

// Unavailable ends t because PostgreSQL could not be started: a skip on a
// developer's machine, a failure under CI, where every test must run.
func Unavailable(t testing.TB, err error) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("PostgreSQL tests cannot run under CI: %v", err)
	}
	t.Skipf("no PostgreSQL: %v", err)
}

package storage

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"ziping/forms"
)

// The crash test re-executes the test binary as a child that saves forever; these variables
// steer it. ZIPING_CRASH_ITER and ZIPING_CRASH_SEED are for people running the test.
const (
	crashChildEnv = "ZIPING_CRASH_CHILD" // folder the child saves into; set only in the child
	crashFromEnv  = "ZIPING_CRASH_FROM"  // number of the child's first save
	crashIterEnv  = "ZIPING_CRASH_ITER"  // kills to make (default 200, 50 with -short)
	crashSeedEnv  = "ZIPING_CRASH_SEED"  // seed of the kill delays, to replay a failure

	crashDocName  = "doc.zpb"
	crashMaxDelay = 30 * time.Millisecond // the child is killed 0–30 ms after it starts saving
	crashFreshAll = 10                    // every 10th child starts in an empty folder
)

// crashVersions are the documents the child saves in turn: save number n writes
// crashVersions()[n%3]. Three distinct versions of distinct sizes make the last three saves
// distinguishable, so a backup one save too old is caught, and a truncated or mixed file can
// equal none of them. The larger two carry long texts so that a save takes measurable time.
func crashVersions(t testing.TB) []*forms.Document {
	a := loadSample(t)

	b := loadSample(t)
	p := b.AddProject()
	p.Name = "崩溃测试附加项目"
	for i := range 40 {
		long := strings.Repeat(fmt.Sprintf("第 %d 项目标：保障离退休人员养老金按时足额发放，做好待遇资格认证。", i+1), 60)
		p.Goals = append(p.Goals, &forms.Goal{Target: long, Result: long + "已完成。"})
	}

	c := loadSample(t)
	c.RemoveProject(0)
	for _, g := range c.Unit.Goals {
		g.Result += strings.Repeat("全年各项工作均按计划完成，资金使用规范，绩效目标全部实现。", 300)
	}
	return []*forms.Document{a, b, c}
}

// TestCrashDuringSave proves Save atomic against a crash: a child process saves the versions in
// turn, over and over, into one file and is killed with SIGKILL at a random moment; after every
// kill the folder must hold exactly what some prefix of the child's completed steps left.
//
// The child reports "start n" before and "saved n" after each Save on a pipe (not on the file
// system under test), so the parent knows which saves completed. Save n does, in order:
// (1) write the new content to a temp file and fsync it; (2) write the current file's content to
// another temp file, fsync it and rename it to doc.zpb.bak; (3) rename the first temp file to
// doc.zpb. A kill during save n may therefore leave
// (a) nothing changed, (b) the backup renamed but not the file, so that doc.zpb.bak equals
// doc.zpb, or (c) both renamed. With n saves completed and none in progress, doc.zpb is save n
// and doc.zpb.bak is save n−1, byte for byte. Checked after every kill:
//   - doc.zpb is absent only before the first completed save, then loads with Load and is
//     byte-equal to the version the model says — never a mix, never truncated, never stale;
//   - doc.zpb.bak likewise: absent until a second save has backed up the first, then the
//     previous version; it equals doc.zpb only in case (b), and only until the next backup;
//   - the folder holds nothing but those two and temp files named .doc.zpb.tmp-* or
//     .doc.zpb.bak.tmp-* (never the final name), and no temp file at all when the kill came
//     between two saves. The parent deletes the temp files after counting them.
//
// The folder is kept from one child to the next (the editor restarted after a crash saves over
// what the crash left), except every tenth child starts in an empty folder so that kills during
// the very first save are tried too.
func TestCrashDuringSave(t *testing.T) {
	if dir := os.Getenv(crashChildEnv); dir != "" {
		crashChild(t, dir)
		return
	}
	acrossProcesses(t)
	switch runtime.GOOS {
	case "linux", "darwin", "freebsd", "netbsd", "openbsd", "dragonfly":
	default:
		t.Skipf("the crash test needs SIGKILL; not run on %s", runtime.GOOS)
	}
	iters := 200
	if testing.Short() {
		iters = 50
	}
	if s := os.Getenv(crashIterEnv); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("%s=%q: want a positive number", crashIterEnv, s)
		}
		iters = n
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv(crashSeedEnv); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("%s=%q: want a number", crashSeedEnv, s)
		}
		seed = n
	}
	t.Logf("seed %d (replay the kill delays with %s=%d)", seed, crashSeedEnv, seed)
	rng := rand.New(rand.NewPCG(seed, 0))

	docs := crashVersions(t)
	versions := make([][]byte, len(docs))
	for i, d := range docs {
		data, err := forms.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		versions[i] = data
	}
	t.Logf("versions: %d, %d and %d bytes; one Save takes %.1f ms here", len(versions[0]), len(versions[1]), len(versions[2]), saveMillis(t, docs))

	m := &crashModel{t: t, dir: t.TempDir(), versions: versions}
	start := time.Now()
	for i := range iters {
		if i%crashFreshAll == 0 {
			m.reset()
		}
		delay := time.Duration(rng.Int64N(int64(crashMaxDelay)))
		lines := m.runChild(delay)
		m.check(i, delay, lines)
		if t.Failed() {
			t.Fatalf("iteration %d (delay %v, seed %d) failed", i, delay, seed)
		}
	}
	mid := m.phases[phaseBeforeBackup] + m.phases[phaseBetween] + m.phases[phaseAfterRename]
	t.Logf("crash test: %d iterations, %d kills mid-save (%d before the backup rename, %d between backup and rename, %d after the rename), %d between saves, %d saves completed, %d temp files left by kills, %.1f s",
		iters, mid, m.phases[phaseBeforeBackup], m.phases[phaseBetween], m.phases[phaseAfterRename],
		m.phases[phaseIdle], m.saves, m.temps, time.Since(start).Seconds())
	if mid == 0 {
		t.Error("no kill landed during a save: the test proves nothing")
	}
}

// saveMillis measures one Save of each version, for the log.
func saveMillis(t *testing.T, docs []*forms.Document) float64 {
	path := filepath.Join(t.TempDir(), crashDocName)
	start := time.Now()
	const rounds = 3
	for range rounds {
		for _, d := range docs {
			if err := Save(path, d); err != nil {
				t.Fatal(err)
			}
		}
	}
	return float64(time.Since(start).Microseconds()) / 1000 / float64(rounds*len(docs))
}

// crashChild is the child: it saves the versions in turn until killed, numbering the saves from
// ZIPING_CRASH_FROM, and reports each step on stdout with one write (atomic on a pipe).
func crashChild(t *testing.T, dir string) {
	from, err := strconv.Atoi(os.Getenv(crashFromEnv))
	if err != nil {
		fmt.Fprintln(os.Stderr, "bad", crashFromEnv, err)
		os.Exit(3)
	}
	docs := crashVersions(t)
	path := filepath.Join(dir, crashDocName)
	say := func(format string, args ...any) {
		if _, err := io.WriteString(os.Stdout, fmt.Sprintf("crash: "+format+"\n", args...)); err != nil {
			os.Exit(3)
		}
	}
	say("ready")
	deadline := time.Now().Add(time.Minute) // the parent kills within ms; never outlive it long
	for n := from; time.Now().Before(deadline); n++ {
		say("start %d", n)
		if err := Save(path, docs[n%len(docs)]); err != nil {
			say("error %d %v", n, err)
			os.Exit(3)
		}
		say("saved %d", n)
	}
	say("timeout")
	os.Exit(3)
}

// Where a kill landed.
const (
	phaseIdle         = iota // before the first save started, or between two saves
	phaseBeforeBackup        // during a save, before any rename (or before the file's rename when there was nothing to back up)
	phaseBetween             // during a save, after the backup's rename, before the file's
	phaseAfterRename         // during a save, after the file's rename (the child had not yet said so)
	phaseCount
)

// crashModel is what the folder must hold: doc.zpb is save number doc and doc.zpb.bak is
// save number bak, 0 meaning absent.
type crashModel struct {
	t        *testing.T
	dir      string
	versions [][]byte
	doc, bak int
	saves    int
	temps    int
	phases   [phaseCount]int
}

func (m *crashModel) version(n int) []byte { return m.versions[n%len(m.versions)] }

func (m *crashModel) reset() {
	entries, err := os.ReadDir(m.dir)
	if err != nil {
		m.t.Fatal(err)
	}
	for _, e := range entries {
		if err := os.Remove(filepath.Join(m.dir, e.Name())); err != nil {
			m.t.Fatal(err)
		}
	}
	m.doc, m.bak = 0, 0
}

// runChild starts a child that saves from number m.doc+1 on, kills it delay after it is ready,
// and returns the lines it reported.
func (m *crashModel) runChild(delay time.Duration) []string {
	t := m.t
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashDuringSave$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+m.dir, crashFromEnv+"="+strconv.Itoa(m.doc+1))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ready := make(chan struct{})
	done := make(chan []string)
	go func() {
		var lines []string
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			line, ok := strings.CutPrefix(sc.Text(), "crash: ")
			if !ok {
				continue // anything the testing package prints
			}
			if line == "ready" {
				close(ready)
			}
			lines = append(lines, line)
		}
		done <- lines
	}()
	select {
	case <-ready:
		time.Sleep(delay)
	case <-time.After(30 * time.Second):
		t.Errorf("child not ready after 30 s")
	}
	_ = cmd.Process.Kill() // SIGKILL
	lines := <-done
	err = cmd.Wait()
	if st := cmd.ProcessState; st == nil || st.Exited() {
		t.Fatalf("the child ended by itself (%v), not killed: %v\n%s", err, lines, stderr.String())
	}
	return lines
}

// check compares the folder with the model after a kill and moves the model on.
func (m *crashModel) check(iter int, delay time.Duration, lines []string) {
	t := m.t
	started := 0 // a save started and not reported complete
	for _, line := range lines {
		word, num, _ := strings.Cut(line, " ")
		switch word {
		case "ready":
		case "start":
			n, _ := strconv.Atoi(num)
			if n != m.doc+1 || started != 0 {
				t.Fatalf("child log out of order at %q: %v", line, lines)
			}
			started = n
		case "saved":
			n, _ := strconv.Atoi(num)
			if n != started {
				t.Fatalf("child log out of order at %q: %v", line, lines)
			}
			if m.doc != 0 {
				m.bak = m.doc
			}
			m.doc, started = n, 0
			m.saves++
		default:
			t.Fatalf("child reported %q", line)
		}
	}

	docData, docOK := m.read(crashDocName)
	bakData, bakOK := m.read(crashDocName + BackupSuffix)
	matches := func(doc, bak int) bool {
		return m.same(docData, docOK, doc) && m.same(bakData, bakOK, bak)
	}
	phase := phaseIdle
	switch {
	case started == 0:
		if !matches(m.doc, m.bak) {
			m.fail(iter, delay, lines, fmt.Sprintf("no save in progress, want doc.zpb = %s and doc.zpb.bak = %s", saveName(m.doc), saveName(m.bak)))
		}
	case matches(started, m.bakAfter()): // (c) both renames done
		phase = phaseAfterRename
		m.doc, m.bak = started, m.bakAfter()
		m.saves++
	case m.doc != 0 && m.bak != m.doc && matches(m.doc, m.doc): // (b) backup renamed only
		phase = phaseBetween
		m.bak = m.doc
	case matches(m.doc, m.bak): // (a) nothing renamed yet
		phase = phaseBeforeBackup
	default:
		m.fail(iter, delay, lines, fmt.Sprintf("killed during save %d, want doc.zpb = %s or %s, doc.zpb.bak = %s or %s",
			started, saveName(m.doc), saveName(started), saveName(m.bak), saveName(m.bakAfter())))
	}
	m.phases[phase]++

	// Whatever the model says, both files must load.
	for _, name := range []string{crashDocName, crashDocName + BackupSuffix} {
		if _, err := os.Stat(filepath.Join(m.dir, name)); err == nil {
			if _, err := Load(filepath.Join(m.dir, name)); err != nil {
				t.Errorf("iteration %d: %s does not load: %v", iter, name, err)
			}
		}
	}

	entries, err := os.ReadDir(m.dir)
	if err != nil {
		t.Fatal(err)
	}
	temps := 0
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == crashDocName || name == crashDocName+BackupSuffix:
		case strings.HasPrefix(name, "."+crashDocName+".tmp-"), strings.HasPrefix(name, "."+crashDocName+BackupSuffix+".tmp-"):
			temps++
			if err := os.Remove(filepath.Join(m.dir, name)); err != nil {
				t.Fatal(err)
			}
		default:
			t.Errorf("iteration %d: unexpected file %q in the folder", iter, name)
		}
	}
	if temps > 0 && started == 0 {
		t.Errorf("iteration %d: %d temp files left although no save was interrupted", iter, temps)
	}
	m.temps += temps
}

// bakAfter is what doc.zpb.bak holds once the save in progress has backed up the file.
func (m *crashModel) bakAfter() int {
	if m.doc == 0 {
		return m.bak // nothing to back up
	}
	return m.doc
}

func saveName(n int) string {
	if n == 0 {
		return "absent"
	}
	return fmt.Sprintf("save %d", n)
}

func (m *crashModel) read(name string) ([]byte, bool) {
	data, err := os.ReadFile(filepath.Join(m.dir, name))
	if os.IsNotExist(err) {
		return nil, false
	}
	if err != nil {
		m.t.Fatal(err)
	}
	return data, true
}

// same reports whether a file's content (ok false: absent) is save number n (0: absent).
func (m *crashModel) same(data []byte, ok bool, n int) bool {
	if n == 0 {
		return !ok
	}
	return ok && bytes.Equal(data, m.version(n))
}

func (m *crashModel) fail(iter int, delay time.Duration, lines []string, want string) {
	m.t.Helper()
	var b strings.Builder
	for _, name := range []string{crashDocName, crashDocName + BackupSuffix} {
		data, ok := m.read(name)
		fmt.Fprintf(&b, "\n  %s: %s", name, m.describe(data, ok))
	}
	m.t.Fatalf("iteration %d (delay %v): %s; found:%s\n  child log: %v", iter, delay, want, b.String(), lines)
}

// describe says which version data is, or how it is broken.
func (m *crashModel) describe(data []byte, ok bool) string {
	if !ok {
		return "absent"
	}
	for i, v := range m.versions {
		switch {
		case bytes.Equal(data, v):
			return fmt.Sprintf("version %d (a save number ≡ %d mod %d)", i, i, len(m.versions))
		case len(data) < len(v) && bytes.HasPrefix(v, data):
			return fmt.Sprintf("TRUNCATED version %d (%d of %d bytes)", i, len(data), len(v))
		}
	}
	return fmt.Sprintf("%d bytes matching no version", len(data))
}

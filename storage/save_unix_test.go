//go:build unix

package storage

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"ziping/forms"
)

// saveRounds is what concurrent savers of one document report: for each accepted save, the
// hash of the file it expected and of the content it wrote.
type saveRounds struct {
	mu       sync.Mutex
	accepted int
	bases    map[string]int
	outputs  map[string]bool
}

func (r *saveRounds) add(base, out string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.accepted++
	r.bases[base]++
	r.outputs[out] = true
}

// lost counts the accepted saves whose content nobody read: in a history without lost saves,
// each accepted save's content is what the next accepted save expected, or the final file.
func (r *saveRounds) lost(final []byte) int {
	n := 0
	for out := range r.outputs {
		if r.bases[out] == 0 && out != sumText(final) {
			n++
		}
	}
	return n
}

func sumText(data []byte) string { s := sha256.Sum256(data); return hex.EncodeToString(s[:]) }

// saveLoop loads the document at path and saves it changed, expecting what it loaded, n times
// over, as a window would; report gets each accepted save.
func saveLoop(path, who string, n int, report func(base, out string)) error {
	for i := range n {
		doc, st, err := LoadStamped(path)
		if err != nil {
			return err
		}
		doc.Unit.Name = fmt.Sprintf("%s-%d", who, i)
		data, err := forms.Marshal(doc)
		if err != nil {
			return err
		}
		_, err = SaveBytes(path, data, &st)
		switch {
		case err == nil:
			report(hex.EncodeToString(st.Sum[:]), sumText(data))
		case !errors.As(err, new(*ChangedError)):
			return err
		}
	}
	return nil
}

func newRaceDoc(t *testing.T) (string, *saveRounds) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.zpb")
	if err := Save(path, loadSample(t)); err != nil {
		t.Fatal(err)
	}
	return path, &saveRounds{bases: map[string]int{}, outputs: map[string]bool{}}
}

// TestConcurrentSavesLoseNothing: three goroutines saving one document as fast as they can,
// each expecting what it loaded: no accepted save is overwritten by another (the check and the
// renames are one step, lockFolder); a third of them were before.
func TestConcurrentSavesLoseNothing(t *testing.T) {
	path, r := newRaceDoc(t)
	var wg sync.WaitGroup
	for g := range 3 {
		wg.Go(func() {
			if err := saveLoop(path, "g"+strconv.Itoa(g), 60, r.add); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	final, _ := os.ReadFile(path)
	if lost := r.lost(final); lost != 0 || r.accepted < 60 {
		t.Errorf("%d of %d accepted saves lost", lost, r.accepted)
	}
}

// TestConcurrentSavesAcrossProcesses: the same with two processes of this test.
func TestConcurrentSavesAcrossProcesses(t *testing.T) {
	acrossProcesses(t)
	path, r := newRaceDoc(t)
	var children []*exec.Cmd
	var outs []*bufio.Scanner
	for range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestConcurrentSaverChild$")
		cmd.Env = append(os.Environ(), "ZIPING_SAVER_DOC="+path)
		cmd.Stderr = os.Stderr
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		children, outs = append(children, cmd), append(outs, bufio.NewScanner(out))
	}
	for i, sc := range outs {
		for sc.Scan() {
			if base, out, ok := strings.Cut(sc.Text(), " "); ok && len(base) == 64 {
				r.add(base, out)
			}
		}
		if err := children[i].Wait(); err != nil {
			t.Fatal(err)
		}
	}
	final, _ := os.ReadFile(path)
	if lost := r.lost(final); lost != 0 || r.accepted < 80 {
		t.Errorf("%d of %d accepted saves lost", lost, r.accepted)
	}
}

// TestConcurrentSaverChild is one saver of TestConcurrentSavesAcrossProcesses: it prints each
// accepted save as "<expected hash> <written hash>".
func TestConcurrentSaverChild(t *testing.T) {
	path := os.Getenv("ZIPING_SAVER_DOC")
	if path == "" {
		return // run by the parent test only
	}
	who := "p" + strconv.Itoa(os.Getpid())
	err := saveLoop(path, who, 80, func(base, out string) { fmt.Println(base, out) })
	if err != nil {
		t.Fatal(err)
	}
}

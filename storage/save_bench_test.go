package storage

import (
	"fmt"
	"path/filepath"
	"testing"

	"ziping/forms"
)

// withProjects is the sample with its projects repeated up to n.
func withProjects(t testing.TB, n int) *forms.Document {
	d := loadSample(t)
	for i := 0; len(d.Projects) < n; i++ {
		c := loadSample(t).Projects[i%4]
		d.Projects = append(d.Projects, c)
	}
	d.Projects = d.Projects[:n]
	return d
}

// BenchmarkMarshal is what a save and an autosave still do on the UI goroutine: encode the
// document (a save does it twice: before writing, and after to tell whether edits came since).
func BenchmarkMarshal(b *testing.B) {
	for _, n := range []int{1, 60, 200} {
		d := withProjects(b, n)
		b.Run(fmt.Sprintf("projects=%d", n), func(b *testing.B) {
			data, _ := forms.Marshal(d)
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := forms.Marshal(d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSaveBytes is the file work a save does off the UI goroutine (two fsync'd writes).
func BenchmarkSaveBytes(b *testing.B) {
	for _, n := range []int{1, 60, 200} {
		data, _ := forms.Marshal(withProjects(b, n))
		path := filepath.Join(b.TempDir(), "doc.zpb")
		b.Run(fmt.Sprintf("projects=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := SaveBytes(path, data, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

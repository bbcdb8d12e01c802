package export

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"time"

	"ziping/forms"
	"ziping/storage"
)

// packer writes a package's zip.
type packer struct {
	root string    // the one top folder
	when time.Time // every entry's time
	zw   *zip.Writer
	sums []string // SHA-256 of each entry written, in order
}

// write writes the package to w: parts, then the evidence files, then the manifest, which
// lists them all; entries and files that could not be read at the last moment go into res.
func (p *packer) write(w io.Writer, doc *forms.Document, parts []packPart, files []*evidenceFile, res *PackResult) error {
	p.zw = zip.NewWriter(w)
	res.Entries, p.sums = nil, nil
	for _, part := range parts {
		if err := p.add(part.name, part.what, strings.NewReader(string(part.data)), res); err != nil {
			return err
		}
	}
	list := doc.EvidenceEntries()
	packed := map[int]string{} // evidence item → its name in the package
	for _, f := range files {
		ok, err := p.addFile(f, list, res)
		if err != nil {
			return err
		}
		if ok {
			for _, i := range f.entries {
				packed[i] = f.name
			}
		}
	}
	manifest := manifestText(doc, p.root, res, p.sums, list, packed, p.when)
	if err := p.add("报送清单.txt", "本清单", strings.NewReader(manifest), res); err != nil {
		return err
	}
	return p.zw.Close()
}

// addFile adds the evidence file f; a file that can no longer be opened (deleted, replaced by
// a pipe since it was checked) becomes missing and ok is false. A file that fails while it is
// read fails the package: half a file in it would be sent as if whole.
func (p *packer) addFile(f *evidenceFile, list []forms.EvidenceEntry, res *PackResult) (ok bool, err error) {
	r, _, oerr := osOpen(f.path)
	if oerr != nil {
		for _, i := range f.entries {
			res.Missing = append(res.Missing, MissingEvidence{EvidenceEntry: list[i], Item: i, Reason: oerr.Error()})
		}
		return false, nil
	}
	defer r.Close()
	what := "佐证材料：" + list[f.entries[0]].Name
	limited := &sizeGuard{r: r, left: f.size, path: f.path}
	if err := p.add(f.name, what, limited, res); err != nil {
		return false, err
	}
	return true, nil
}

// add writes one entry named name (below the root) with r's content.
func (p *packer) add(name, what string, r io.Reader, res *PackResult) error {
	h := &zip.FileHeader{Name: path.Join(p.root, name), Method: zip.Deflate, Modified: p.when}
	if stored(name) {
		h.Method = zip.Store
	}
	w, err := p.zw.CreateHeader(h)
	if err != nil {
		return err
	}
	sum := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, sum), r)
	if err != nil {
		return err
	}
	res.Entries = append(res.Entries, PackEntry{Name: h.Name, Size: n, What: what})
	p.sums = append(p.sums, hex.EncodeToString(sum.Sum(nil)))
	return nil
}

// stored reports whether a file is kept as it is rather than compressed: these formats are
// compressed already, and deflating a scan takes time for nothing.
func stored(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".zip", ".rar", ".7z", ".gz", ".xlsx", ".docx", ".pptx",
		".ofd", ".mp4", ".mp3", ".heic", ".webp":
		return true
	}
	return false
}

// sizeGuard reads an evidence file no further than the size it had when it was checked: a
// file that grows meanwhile (a log, a file being copied in) is refused rather than packed
// without end or half.
type sizeGuard struct {
	r    io.Reader
	left int64
	path string
}

var errGrew = errors.New("grew")

func (g *sizeGuard) Read(b []byte) (int, error) {
	if g.left <= 0 {
		var one [1]byte
		if n, _ := g.r.Read(one[:]); n > 0 {
			return 0, &packError{fmt.Errorf("佐证材料“%s”在打包时仍在变大（可能正在复制或写入）：请等它写完再打包。%w", forms.Shown(g.path), errGrew)}
		}
		return 0, io.EOF
	}
	if int64(len(b)) > g.left {
		b = b[:g.left]
	}
	n, err := g.r.Read(b)
	g.left -= int64(n)
	if err != nil && err != io.EOF {
		return n, &packError{fmt.Errorf("读取佐证材料“%s”时出错：%s。报送包没有写出", forms.Shown(g.path), storage.SystemReason(err))}
	}
	return n, err
}

package xlsxout

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"io"
	"io/fs"
	"sort"

	"github.com/xuri/excelize/v2"
)

// compression is the deflate level of the package's parts. Level 2 compresses the sheets'
// XML about three times as fast as archive/zip's level 5, into files about a tenth larger
// (the 200-project workbook: 2.5 MB instead of 2.3 MB); compressing at level 5 was a sixth of
// that export's processor time (BenchmarkLargest in bench_test.go).
const compression = 2

// writeFile writes f to w with the package's parts in name order. excelize writes them in the
// order of a Go map, which changes from run to run; in a fixed order the same document gives
// the same bytes (every part's time is zero), as the PDF does. excelize hands each part to
// partSet, uncompressed, and each is compressed once, here, as it is written.
func writeFile(w io.Writer, f *excelize.File) error {
	ps := partSet{}
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return ps })
	if err := f.Write(io.Discard); err != nil {
		return err
	}
	names := make([]string, 0, len(ps))
	for name := range ps {
		names = append(names, name)
	}
	sort.Strings(names)
	zw := zip.NewWriter(w)
	var fw *flate.Writer // one for all parts, which are written one after the other
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if fw == nil {
			var err error
			fw, err = flate.NewWriter(out, compression)
			return fw, err
		}
		fw.Reset(out)
		return fw, nil
	})
	for _, name := range names {
		pw, err := zw.Create(name)
		if err != nil {
			return err
		}
		if _, err := pw.Write(ps[name].Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}

// partSet is an excelize.ZipWriter that keeps the parts of a package in memory by name.
type partSet map[string]*bytes.Buffer

func (ps partSet) Create(name string) (io.Writer, error) {
	b := new(bytes.Buffer)
	ps[name] = b
	return b, nil
}

// AddFS is not used by excelize's writer (it adds parts with Create).
func (ps partSet) AddFS(fs.FS) error { return errors.New("xlsxout: AddFS is not supported") }

func (ps partSet) Close() error { return nil }

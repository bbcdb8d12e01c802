package xlsxout

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"sort"

	"github.com/xuri/excelize/v2"
)

// writeFile writes f to w with the package's parts in name order. excelize writes them in the
// order of a Go map, which changes from run to run; in a fixed order the same document gives
// the same bytes (excelize leaves every part's time at zero), as the PDF does.
func writeFile(w io.Writer, f *excelize.File) error {
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return fmt.Errorf("读取生成的工作簿：%w", err)
	}
	parts := append([]*zip.File(nil), zr.File...)
	sort.Slice(parts, func(i, j int) bool { return parts[i].Name < parts[j].Name })
	zw := zip.NewWriter(w)
	for _, p := range parts {
		if err := zw.Copy(p); err != nil { // the compressed bytes as they are
			return err
		}
	}
	return zw.Close()
}

package cli

import (
	"fmt"
	"io"

	"ziping/forms"
	"ziping/storage"
)

// shownWriter is the command line's stdout and stderr: what is written goes out with each
// character that could deceive a terminal escaped (forms.ShownLines: escape sequences, C1,
// bidirectional controls; line breaks and tabs kept), since names, paths and messages come
// from documents and workbooks received from others. The escapes are \uXXXX, which JSON reads
// back as the same character, so --json stays the data typed. The first write error is kept
// (err) and later writes are dropped: Run then exits non-zero instead of reporting success
// with nothing written (a full disk, /dev/full, a closed pipe).
type shownWriter struct {
	w   io.Writer
	err error
}

func (s *shownWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	if _, err := io.WriteString(s.w, forms.ShownLines(string(p))); err != nil {
		s.err = err
		return 0, err
	}
	return len(p), nil
}

// exitWriteFailed is the exit code when the command's own output could not be written; it
// is at least exitUnusable, whatever the command found.
func exitWriteFailed(code int) int { return max(code, exitUnusable) }

// writeFailure says on stderr (unescaped: the message is ours) that stdout could not be
// written; the error of that write to stderr is of no further use.
func writeFailure(stderr io.Writer, err error) {
	fmt.Fprintf(stderr, "无法写出命令的输出（%s）：结果没有完整写出，请检查输出的去向（磁盘空间、文件或管道）后重试。\n", storage.SystemReason(err))
}

// problemLine is p on one line (forms.Problem.String) with each of its texts shown as one line
// (forms.Shown): a line break in a name cannot start a line of its own.
func problemLine(p forms.Problem) string {
	for _, s := range []*string{&p.Form, &p.Section, &p.Row, &p.Field, &p.Message} {
		*s = forms.Shown(*s)
	}
	return p.String()
}

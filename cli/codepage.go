package cli

import (
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Stream says where one of stdout and stderr goes, as far as the text's encoding depends on
// it. Only Windows fills it (internal/platform): its zero value, "not redirected", writes
// UTF-8 as it always has. A console is written as UTF-16 by Go's os.File (WriteConsoleW),
// whatever the code page; a file or a pipe gets bytes, which cmd.exe's `type`, Notepad's
// default and PowerShell's pipes read in the console's code page (936, GBK, on a Chinese
// Windows), so text for them is encoded in that code page.
type Stream struct {
	Redirected bool   // a file or a pipe, not a console
	ConsoleCP  uint32 // GetConsoleOutputCP of the console attached, 0 without one
	ACP        uint32 // GetACP, the ANSI code page, used without a console
}

// utf8Flag forces UTF-8 output to a file or pipe, wherever it is on the command line.
const utf8Flag = "--utf8"

// cpUTF8 is Windows' code page 65001, UTF-8.
const cpUTF8 = 65001

// outputCodePage is the code page text written to s is encoded in, 0 for UTF-8 as is: a
// console, --utf8 and --json (data for programs, read as UTF-8) are UTF-8; a file or a pipe
// gets the attached console's output code page, or the ANSI code page without a console.
func outputCodePage(s Stream, forceUTF8, json bool) uint32 {
	if !s.Redirected || forceUTF8 || json {
		return 0
	}
	cp := s.ConsoleCP
	if cp == 0 {
		cp = s.ACP
	}
	if cp == cpUTF8 {
		return 0
	}
	return cp
}

// codePages are the Windows code pages written in their own encoding; any other is written as
// UTF-8 (nothing is lost, and `--utf8` gives the same).
var codePages = map[uint32]encoding.Encoding{
	936: simplifiedchinese.GBK, 54936: simplifiedchinese.GB18030, 950: traditionalchinese.Big5,
	932: japanese.ShiftJIS, 949: korean.EUCKR, 437: charmap.CodePage437, 850: charmap.CodePage850,
	852: charmap.CodePage852, 866: charmap.CodePage866, 874: charmap.Windows874,
	1250: charmap.Windows1250, 1251: charmap.Windows1251, 1252: charmap.Windows1252,
	1253: charmap.Windows1253, 1254: charmap.Windows1254, 1255: charmap.Windows1255,
	1256: charmap.Windows1256, 1257: charmap.Windows1257, 1258: charmap.Windows1258,
	20127: charmap.Windows1252, // US-ASCII: its characters are the same in 1252
}

// codePageEncoding is the encoding of Windows code page cp, nil for UTF-8 or one not known.
func codePageEncoding(cp uint32) encoding.Encoding {
	return codePages[cp]
}

// wantsUTF8 takes --utf8 out of args and reports whether it was there, and whether --json is
// (only check has it; --json=true too).
func wantsUTF8(args []string) (rest []string, forceUTF8, json bool) {
	for _, a := range args {
		switch {
		case a == utf8Flag:
			forceUTF8 = true
			continue
		case a == "--json" || a == "-json" || strings.HasPrefix(a, "--json=") || strings.HasPrefix(a, "-json="):
			json = !strings.HasSuffix(a, "=false")
		}
		rest = append(rest, a)
	}
	return slices.Clip(rest), forceUTF8, json
}

// encodingWriter writes UTF-8 text to w in enc. A character enc has no code for is written as
// "?" (a visible mark; the rest of the line is kept), never an error: the text is for people,
// and a name typed with a rare character must not lose its line.
type encodingWriter struct {
	w   io.Writer
	enc *encoding.Encoder
}

func newEncodingWriter(w io.Writer, cp uint32) io.Writer {
	e := codePageEncoding(cp)
	if e == nil {
		return w
	}
	return &encodingWriter{w: w, enc: e.NewEncoder()}
}

func (e *encodingWriter) Write(p []byte) (int, error) {
	if _, err := e.w.Write(encodeText(e.enc, p)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// lookalikes stand for characters of our own messages that some code pages lack (GBK has no
// ›, used as in 文档设置 › 表式): a character that reads the same, tried before "?".
var lookalikes = map[rune]string{'›': ">", '‹': "<", '–': "-", '\u00a0': " ", '✓': "√", '•': "·"}

// encodeText is p in enc's code page, each character it cannot encode as its lookalike or,
// failing that (or for a broken UTF-8 byte), as "?".
func encodeText(enc *encoding.Encoder, p []byte) []byte {
	if b, err := enc.Bytes(p); err == nil && utf8.Valid(p) {
		return b
	}
	out := make([]byte, 0, len(p))
	for len(p) > 0 {
		r, n := utf8.DecodeRune(p)
		one := p[:n]
		p = p[n:]
		b, err := enc.Bytes(one)
		if err != nil && lookalikes[r] != "" {
			b, err = enc.Bytes([]byte(lookalikes[r]))
		}
		if r == utf8.RuneError && n == 1 || err != nil {
			out = append(out, '?')
			continue
		}
		out = append(out, b...)
	}
	return out
}

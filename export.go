package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"ziping/forms"
	"ziping/pdfout"
)

// runExport implements `ziping export [-o OUT.pdf] FILE`.
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("o", "", "输出的 PDF 文件")
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		fmt.Fprint(stderr, "用法：ziping export [-o 输出.pdf] 文件.zpb\n")
		return exitUnusable
	}
	in := fs.Arg(0)
	doc, err := forms.Load(in)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUnusable
	}
	target := *out
	if target == "" {
		target = strings.TrimSuffix(in, filepath.Ext(in)) + ".pdf"
	}
	var buf bytes.Buffer
	res, err := pdfout.Render(&buf, doc, pdfout.Options{Created: pdfout.CreatedFromEnv()})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUnusable
	}
	if err := writeFileAtomic(target, buf.Bytes()); err != nil {
		fmt.Fprintf(stderr, "无法写入“%s”：%v\n", target, err)
		return exitUnusable
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, w)
	}
	fmt.Fprintf(stdout, "已导出 %s（%d 页）\n", target, res.Pages)
	return exitOK
}

// writeFileAtomic replaces path with data so that path never holds a partial file: the data goes
// to a temporary file in the same folder, is flushed to disk and closed, and is then renamed
// over path. On any error the temporary file is removed and an existing path is left untouched.
// A symbolic link at path is followed, so the file it points to is the one replaced.
func writeFileAtomic(path string, data []byte) (err error) {
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		if resolved, err := filepath.EvalSymlinks(path); err == nil {
			path = resolved
		}
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return plainError(err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			err = plainError(err)
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	mode := os.FileMode(0o644)
	if fi, statErr := os.Stat(path); statErr == nil {
		if fi.IsDir() {
			return errors.New("这是一个文件夹")
		}
		mode = fi.Mode().Perm()
	}
	if err = os.Chmod(tmp.Name(), mode); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	// Flush the folder entry so the rename survives a power cut; not every system allows it.
	if d, dirErr := os.Open(dir); dirErr == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// plainError drops the file name from an *os.PathError or *os.LinkError: the message names the
// target already, and the temporary file's name means nothing to the user.
func plainError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

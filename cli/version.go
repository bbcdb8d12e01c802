package cli

import (
	"fmt"
	"io"
)

// runVersion prints the program's name and version: `ziping version`.
func runVersion(stdout io.Writer, info Info) int {
	fmt.Fprintf(stdout, "绩效自评 Ziping %s\n", info.Version)
	return exitOK
}

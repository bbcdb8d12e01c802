// Package published holds real published self-evaluation tables typed in as Ziping documents
// (README.md says where each comes from) and, in its tests, checks them: every form's figures
// against the figures the published table prints, with the differences explained in
// expected.json, and a round trip of each document through Excel. It has no code of its own:
// the folder is data, and the package exists so that `go test ./...` runs those checks.
package published

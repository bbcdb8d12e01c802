// Package storage is where a document meets the operating system: loading and saving document
// files (forms.Marshal and forms.Unmarshal are the bytes; Load, Save and SaveBytes the file,
// with a Stamp to tell whether someone else saved meanwhile), atomic writes, the lock file of a
// document open in a window, Chinese texts for the system's errors (SystemReason), and the
// checks of a path the user names: refusing folders, pipes and devices (CheckRegular,
// OpenRegular) and export targets that would destroy a document (CheckExportTarget). It holds
// every os, syscall and io/fs use of the domain, so that package forms stays pure.
package storage

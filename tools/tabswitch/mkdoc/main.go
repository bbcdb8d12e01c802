// Command mkdoc writes the sample document with its four projects repeated until there are N,
// each name numbered ("01 新办公楼租金及物业费"), for tools/tabswitch/measure.sh.
//
//	go run ./tools/tabswitch/mkdoc N OUT.zpb
package main

import (
	"fmt"
	"os"
	"strconv"

	"ziping/forms"
	"ziping/storage"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "mkdoc:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) != 2 {
		return fmt.Errorf("usage: mkdoc N OUT.zpb")
	}
	n, err := strconv.Atoi(args[0])
	if err != nil || n < 1 || n > forms.MaxProjects {
		return fmt.Errorf("the number of projects N must be 1 to %d", forms.MaxProjects)
	}
	doc, err := storage.Load("samples/fushun-shebao-2021.zpb")
	if err != nil {
		return err
	}
	var projects []*forms.ProjectForm
	for i := range n {
		// a deep copy: the project through the file format
		one := &forms.Document{Settings: doc.Settings, Unit: doc.Unit, Projects: doc.Projects[i%len(doc.Projects) : i%len(doc.Projects)+1]}
		data, err := forms.Marshal(one)
		if err != nil {
			return err
		}
		copied, err := forms.Unmarshal(data)
		if err != nil {
			return err
		}
		p := copied.Projects[0]
		p.Name = fmt.Sprintf("%02d %s", i+1, p.Name)
		projects = append(projects, p)
	}
	doc.Projects = projects
	data, err := forms.Marshal(doc)
	if err != nil {
		return err
	}
	return os.WriteFile(args[1], data, 0o644)
}

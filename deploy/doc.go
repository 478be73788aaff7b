// Package deploy holds the deployment files' tests: the Kubernetes manifests in kubernetes/
// and ../compose.yaml are decoded strictly (the typed Kubernetes API, the Compose
// specification) and checked against what the image (../Dockerfile) and the program expect.
//
// It is a module of its own, so the Kubernetes libraries never reach the briefing binary.
// Run it with "go test ./..." in this folder; "go test -run ConfigMap -update" rewrites
// kubernetes/10-configmap.yaml from ../config.yaml.
package deploy

// Package natstest runs a NATS server with JetStream inside a test
// process, its storage in the test's temporary folder, on a free loopback
// port: the real server (the nats-server module), not a fake.
package natstest

import (
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// Options tune the server. Zero fields take the server's defaults.
type Options struct {
	MaxPayload int32 // the largest message the server takes
}

// Server is a running server.
type Server struct {
	ns *server.Server
}

// Start runs a server until the test ends.
func Start(t testing.TB, opt Options) *Server {
	t.Helper()
	o := &server.Options{Host: "127.0.0.1", Port: server.RANDOM_PORT, JetStream: true, StoreDir: t.TempDir(),
		NoLog: true, NoSigs: true, MaxPayload: opt.MaxPayload}
	ns, err := server.NewServer(o)
	if err != nil {
		t.Fatalf("natstest: %v", err)
	}
	go ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		ns.Shutdown()
		t.Fatal("natstest: the server did not start")
	}
	t.Cleanup(func() {
		ns.Shutdown()
		ns.WaitForShutdown()
	})
	return &Server{ns: ns}
}

// URL is where clients connect.
func (s *Server) URL() string { return s.ns.ClientURL() }

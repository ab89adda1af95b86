import java.nio.ByteBuffer
import java.nio.channels.SocketChannel
import java.net.UnixDomainSocketAddress

def folder = new File(basedir, 's')
def sockets = folder.listFiles().findAll { it.name.endsWith('.socket') }
assert sockets.size() == 1
def socket = sockets[0]
def serverLog = new File(folder, socket.name.replace('.socket', '.log')).text

// Stopped as `papersite stop` stops it, before anything is checked: it ends and deletes its socket.
def channel = SocketChannel.open(UnixDomainSocketAddress.of(socket.toPath()))
channel.write(ByteBuffer.wrap('stop\n'.bytes))
while (channel.read(ByteBuffer.allocate(64)) >= 0) { }
channel.close()
for (int i = 0; i < 100 && socket.exists(); i++) {
  Thread.sleep(100)
}
assert !socket.exists()

assert socket.name ==~ /build-[0-9a-f]{16}\.socket/
// One server, started by the first build (which ran in a JVM of its own), which warmed up on its
// content, then built once and checked once.
assert (serverLog =~ /Papersite build server on /).size() == 1
assert (serverLog =~ /Papersite: warm-up on .*content (done|stopped for a build) after \d+ builds?, \d+ ms/).size() == 1
assert (serverLog =~ /Papersite: generate of .*content served in \d+ ms/).size() == 1
assert (serverLog =~ /Papersite: validate of .*content served in \d+ ms/).size() == 1

def log = new File(basedir, 'build.log').text
assert log =~ /\[INFO\] Papersite: 2 papers, \d+ pages, \d+ files written to .*target.papersite in \d+ ms/
assert log =~ /\[INFO\] Papersite: 2 papers, \d+ pages, \d+ files written to .*target.second in \d+ ms/
assert log =~ /\[INFO\] Papersite: 2 papers and 1 collection checked in \d+ ms/
assert new File(basedir, 'target/second/papers/gear/index.html').text.contains('GeAR: Generation Augmented Retrieval')
return true

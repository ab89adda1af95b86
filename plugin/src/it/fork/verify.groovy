def log = new File(basedir, 'build.log').text
// Maven's JVM compiles with C2 (level 4); the build's JVM with C1 only (level 1).
assert log =~ /TieredStopAtLevel\s+= 4 /
assert log =~ /TieredStopAtLevel\s+= 1 /
assert (log =~ / MaxHeapSize\s+= 402653184 /).size() == 2
assert log =~ /\[INFO\] Papersite: 2 papers, \d+ pages, \d+ files written to .*target.papersite in \d+ ms/
assert new File(basedir, 'target/papersite/papers/gear/index.html').text.contains('GeAR: Generation Augmented Retrieval')
def archives = new File(basedir, 'target/jvm-archives').listFiles().collect { it.name }
assert archives.size() == 1
def archive = archives[0]
assert archive ==~ /generate-[0-9a-f]{16}-[0-9a-f]{16}-\d+\.jsa/
assert archive.endsWith('-' + new File(basedir, 'target/jvm-archives/' + archive).length() + '.jsa')
return true

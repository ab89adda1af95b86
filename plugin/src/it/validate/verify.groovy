def log = new File(basedir, 'build.log').text
def warning = "content/papers/alone.yaml:1:1: warning: paper 'alone' is in no collection; list it in one of collections/*.yaml"
assert log.contains('[WARNING] ' + warning)
assert log =~ /\[INFO\] Papersite: 3 papers and 1 collection checked in \d+ ms: 1 warning/
assert log.contains('[ERROR] ' + warning.replace('warning:', 'error:'))
assert log.contains('Papersite: the content has 1 error (listed above)')
assert !new File(basedir, 'target').exists()
assert (log =~ /TieredStopAtLevel\s+= 1 /).size() == 2
return true

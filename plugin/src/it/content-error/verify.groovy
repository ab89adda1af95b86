def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] content/papers/broken.yaml:2:1: error: unknown key 'autors'; did you mean 'authors'?")
assert log.contains("[ERROR] content/papers/broken.yaml:3:7: error: date '2024-02-30' is not a real date as YYYY, YYYY-MM or YYYY-MM-DD")
assert log.contains('Papersite: the content has 2 errors (listed above); fix them and build again. The previous site is unchanged.')
// No stack trace: Maven shows one only with -e.
assert !log.contains('\tat ')
assert !log.contains('Exception:')
assert !new File(basedir, 'target/papersite').exists()
return true

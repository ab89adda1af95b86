def log = new File(basedir, 'build.log').text
assert log =~ /\[INFO\] Papersite: published \d+ changed files as [0-9a-f]{12} on gh-pages and pushed to origin/
assert log.contains('[INFO] Papersite: gh-pages already holds this site; nothing to publish')
def show = ['git', '--git-dir', new File(basedir, 'remote.git').path, 'ls-tree', '-r', '--name-only', 'gh-pages'].execute()
def files = show.text.readLines()
assert files.contains('index.html')
assert files.contains('papers/gear/index.html')
assert files.contains('.nojekyll')
assert !files.contains('.papersite')
def branch = ['git', '-C', basedir.path, 'rev-parse', '--abbrev-ref', 'HEAD'].execute().text.trim()
assert branch == 'main'
return true

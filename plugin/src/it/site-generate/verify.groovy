def site = new File(basedir, 'target/papersite')
assert new File(site, 'index.html').text.contains('<h1>Reading group</h1>')
assert new File(site, 'papers/gear/index.html').text.contains('GeAR: Generation Augmented Retrieval')
def magiclens = new File(site, 'papers/magiclens/index.html').text
assert magiclens.contains('<a href="/papers/gear/">GeAR</a>')
assert new File(site, 'collections/retrieval/index.html').text.contains('2 papers')
assert new File(site, 'tags/images/index.html').isFile()
assert new File(site, 'assets/style.css').isFile()
assert new File(site, '.nojekyll').isFile()
assert new File(site, '404.html').text.contains('Page not found')
def log = new File(basedir, 'build.log').text
assert log =~ /\[INFO\] Papersite: 2 papers, \d+ pages, \d+ files written to .*target.papersite in \d+ ms/
assert !new File(basedir, 'target/site').exists()
return true

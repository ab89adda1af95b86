def site = new File(basedir, 'public')
def home = new File(site, 'index.html').text
assert home.contains('href="/repo/papers/gear/"')
assert home.contains('<link rel="stylesheet" href="/repo/assets/custom.css">')
assert new File(site, 'papers/gear/index.html').text.contains('<link rel="canonical" href="https://user.github.io/repo/papers/gear/">')
assert !new File(basedir, 'target/papersite').exists()
return true

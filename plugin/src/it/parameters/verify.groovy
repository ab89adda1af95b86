def site = new File(basedir, 'public')
def home = new File(site, 'index.html').text
assert home.contains('href="/repo/papers/gear/"')
assert home.contains('<link rel="stylesheet" href="/repo/assets/custom.css">')
assert new File(site, 'papers/gear/index.html').text.contains('<link rel="canonical" href="https://user.github.io/repo/papers/gear/">')
// A base URL with a host: feeds and a sitemap, with absolute URLs.
def feed = new File(site, 'feed.xml').text
assert feed.contains('<id>https://user.github.io/repo/papers/gear/</id>')
assert new File(site, 'sitemap.xml').text.contains('<loc>https://user.github.io/repo/papers/magiclens/</loc>')
assert !new File(basedir, 'target/papersite').exists()
def log = new File(basedir, 'build.log').text
assert log =~ /TieredStopAtLevel\s+= 4 /
assert !(log =~ /TieredStopAtLevel\s+= 1 /)
return true

// The user's collection is a git repository; a bare repository stands for GitHub.
def git(File dir, String... args) {
  def process = (['git'] + args.toList()).execute(null, dir)
  process.waitForProcessOutput(System.out, System.err)
  assert process.exitValue() == 0 : "git ${args.join(' ')} failed"
}
def remote = new File(basedir, 'remote.git')
remote.mkdirs()
git(remote, 'init', '--bare', '--initial-branch=main')
git(basedir, 'init', '--initial-branch=main')
git(basedir, 'remote', 'add', 'origin', remote.absolutePath)
git(basedir, '-c', 'user.name=Reader', '-c', 'user.email=reader@example.org', 'add', 'content', 'pom.xml')
git(basedir, '-c', 'user.name=Reader', '-c', 'user.email=reader@example.org', '-c', 'commit.gpgsign=false', 'commit', '-m', 'Papers')
return true

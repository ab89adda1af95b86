assert !new File(basedir, 'target/papersite').exists()
assert new File(basedir, 'build.log').text.contains('[INFO] Papersite: skipped')
return true

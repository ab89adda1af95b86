def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Papersite: import: 2 created, 0 updated, 0 skipped, 0 entries could not be read')
def survey = new File(basedir, 'content/papers/liang2024internal.yaml').text
assert survey.contains('arxiv: "2407.14507"')
assert survey.contains('  - "Xun Liang"')
assert new File(basedir, 'content/collections/reading.yaml').text == 'title: "Reading"\npapers:\n  - liang2024internal\n  - vaswani2017\n'
assert new File(basedir, 'target/papersite/papers/vaswani2017/index.html').text.contains('Attention Is All You Need')
def readme = new File(basedir, 'README.md').text
assert readme.startsWith('# My reading list\n\nIntroduction written by hand.\n\n<!-- papersite:begin -->\n')
assert readme.contains('- [Attention Is All You Need](https://doi.org/') || readme.contains('- **Attention Is All You Need** — Ashish Vaswani, Noam Shazeer')
assert readme.contains('[arXiv](https://arxiv.org/abs/2407.14507)')
assert readme.endsWith('<!-- papersite:end -->\n\nA footer written by hand.\n')
return true

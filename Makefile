# The two commands of the README's quick start.
#   make public   build the sample program in Content/ into Public/
#   make test     run the test suite
# Both install the Debian packages they need first (scripts/install-system-deps).
#
# Installing the tool (see the README's Install section):
#   make install PREFIX=/usr/local   a release build with the Swift runtime linked in, its shell
#                                    completions and man page
#   make deb                         handbook_<version>_<arch>.deb, for apt-get install ./…

PREFIX ?= /usr/local
DESTDIR ?=

.PHONY: public test deps release install deb

deps:
	@scripts/install-system-deps

public: deps
	swift run handbook build

# The command itself is built first: some tests run it as a process (killed mid-build, serve).
# Then the Debian package is built and run, installed, away from this repository, and our copy
# of swift-mustache passes its own tests (Vendor/swift-mustache/README.md); the test suite comes
# last, so that its summary closes the output.
test: deps
	@scripts/install-system-deps --with-browser
	swift build --product handbook
	scripts/test-installed-package
	swift test --package-path Vendor/swift-mustache --disable-swift-testing
	swift test --disable-swift-testing

# The Swift runtime is linked in, so the binary runs without a Swift toolchain.
release: deps
	swift build -c release --static-swift-stdlib --product handbook

install: release
	scripts/install-tool "$(DESTDIR)" "$(PREFIX)"

deb: release
	scripts/make-deb

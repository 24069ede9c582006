# The two commands of the README's quick start.
#   make public   build the sample program in Content/ into Public/
#   make test     run the test suite
# Both install the Debian packages they need first (scripts/install-system-deps).

.PHONY: public test deps

deps:
	@scripts/install-system-deps

public: deps
	swift run handbook build

# The command itself is built first: some tests run it as a process (killed mid-build, serve).
test: deps
	@scripts/install-system-deps --with-browser
	swift build --product handbook
	swift test --disable-swift-testing

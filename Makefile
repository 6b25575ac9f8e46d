.PHONY: run test

# Start the site locally (PostgreSQL + MailDev are started on demand).
run:
	scripts/run.sh

# Build and run all test suites against throwaway services.
test:
	scripts/test.sh

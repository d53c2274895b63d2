# Shared by .ci/run and .ci/newest: run one named step, print its name and time, stop at the first failure.
step() {
  local name=$1 start=$SECONDS status=0
  shift
  printf '\n=== step: %s\n' "$name"
  "$@" || status=$?
  if [ "$status" -eq 0 ]; then
    printf '=== step: %s: ok (%d s)\n' "$name" $((SECONDS - start))
  else
    printf '=== step: %s: FAILED with exit %d (%d s)\n' "$name" "$status" $((SECONDS - start)) >&2
    exit "$status"
  fi
}

# The checks the README's Development section promises, then the README's test command.
checks() {
  step "lint (ruff check)" .venv/bin/ruff check .
  step "format (ruff format --check)" .venv/bin/ruff format --check generator tests benchmarks
  step "types (mypy --strict on generator/)" .venv/bin/mypy generator
  step "generated/ is up to date (intercom-gen check)" .venv/bin/intercom-gen check
  step "tests (README test command)" .venv/bin/python -m pytest -q
}

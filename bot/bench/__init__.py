"""Benchmarks, run as `stretchbot bench fanout` or `stretchbot bench all`: numbers printed, not
asserted (the README records them). One module per benchmark: `fanout`, `updates`, `holds`,
`startup`; `suite` runs them all; `common` holds what they share."""

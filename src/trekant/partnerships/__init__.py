"""Public-private partnerships under the strategy's umbrella: register, funding, coverage, network."""

"""Infrastructure advocacy: a project portfolio, Danish socio-economic CBA, risk and a joint ranking."""

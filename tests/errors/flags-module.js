// flags: --module
with (o) {}

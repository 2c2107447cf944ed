null; true; false; this;
0x1F; 0o17; 0b101; 1e3; .5; 017;
1_000_000; 0xff_ff === 0xffff;
123n; 0x1fn; 1_0n;
"str\n\u{1F600}\x41"; 'q"\'';

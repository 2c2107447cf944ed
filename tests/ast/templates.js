`plain`;
`a${b}c${d + 1}e`;
`line1
line2\n${x}`;

const big = 9007199254740993n;
const hex = 0xFFFF_FFFF_FFFF_FFFFn;
const sep = 1_234.5_6e1_0;
const tiny = 5e-324;

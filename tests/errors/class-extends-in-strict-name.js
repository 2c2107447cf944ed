class yield {}

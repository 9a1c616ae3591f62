#!/usr/bin/env node
import '../dist/titrate.cjs';

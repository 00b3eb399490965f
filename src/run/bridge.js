'use strict';
// Placeholder until the Node bridge lands.

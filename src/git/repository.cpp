// implementation lands with its layer

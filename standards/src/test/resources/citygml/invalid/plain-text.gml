this is not xml at all

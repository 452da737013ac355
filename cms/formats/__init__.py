"""Project date and number formats by language (`FORMAT_MODULE_PATH`), over Django's own."""

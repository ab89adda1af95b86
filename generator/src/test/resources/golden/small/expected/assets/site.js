/* the fixture's own script, so that changes to the theme's script do not touch this golden tree */
